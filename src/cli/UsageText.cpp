#include "UsageText.h"

#include "core/client/AdminSocketLocator.h"

#include <QCoreApplication>

namespace qracoon::cli {

QString usageText(const QString& programName)
{
    QStringList sockets;
    for (const QString& path : AdminSocketLocator::defaultPaths()) {
        sockets.append(QStringLiteral("                  ") + path);
    }
    return QCoreApplication::translate(
               "racoonctl",
               "Usage:\n"
               "  %1 [-d] [-l]... [-s SOCKET] COMMAND [ARGUMENTS]\n"
               "  %1 --help | --version\n"
               "\n"
               "Commands (shortcuts in parentheses):\n"
               "  reload-config (rc)\n"
               "  show-schedule (sc)\n"
               "  show-sa (ss) [isakmp|esp|ah|ipsec|internal]\n"
               "  flush-sa (fs) [isakmp|esp|ah|ipsec|internal]\n"
               "  get-sa-cert (get-cert, gc) [inet|inet6] SRC DST [UL_PROTO]\n"
               "  delete-sa (ds) SAOPTS\n"
               "  establish-sa (es) [-w] [-n REMOTE] [-u IDENTITY] SAOPTS\n"
               "  vpn-connect (vc) [-u IDENTITY] GATEWAY\n"
               "  vpn-disconnect (vd) GATEWAY\n"
               "  show-event (se)\n"
               "  logout-user (lu) LOGIN\n"
               "  status (st) [-v] [-f text|json] [--format=text|json]\n"
               "\n"
               "General options (before the command):\n"
               "  -d            print each request as a hexdump before sending it\n"
               "  -l            more detail (repeatable; mainly for show-sa isakmp)\n"
               "  -s SOCKET     racoon's admin socket; by default the first that exists of\n"
               "%2\n"
               "  -h, --help    print this text\n"
               "  --version     print the version\n"
               "\n"
               "Parameters:\n"
               "  SAOPTS    isakmp|esp|ah FAMILY SRC DST [UL_PROTO]\n"
               "  FAMILY    inet or inet6\n"
               "  SRC, DST  ADDR, ADDR/PREFIX, ADDR[PORT], ADDR/PREFIX[PORT] or ADDR/PREFIX/PORT;\n"
               "            ADDR may be a host name, PORT a service name\n"
               "  UL_PROTO  any, icmp, tcp, udp, gre or a protocol number 0-255\n"
               "  -w        wait until the SA is established or fails\n"
               "  -n        the racoon.conf remote block to use (isakmp only)\n"
               "  -u        Xauth identity; the password is read from the terminal or stdin\n")
        .arg(programName, sockets.join(QLatin1Char('\n')));
}

QString versionText()
{
    return QStringLiteral("racoonctl (qracoon) %1\n").arg(QStringLiteral(QRACOON_VERSION));
}

} // namespace qracoon::cli
