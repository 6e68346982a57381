// Reads the `remote` blocks of a racoon.conf, for importing gateways. Understands the grammar's shape
// (statements ending in ';', nested { } blocks, '#' comments, quoted strings) so the rest of the file is
// passed over without being understood; everything it passes over that matters (includes, anonymous or
// non-IPv4 remotes, syntax errors) is reported with its line number.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace qracoon {

struct RacoonRemote
{
    QString name;         // the block's name (`remote "name"`), else the address as written
    QString address;      // numeric IPv4 address of the peer
    int port = -1;        // -1: not given
    QString xauthLogin;   // xauth_login, empty when the block has none
    bool modeCfg = false; // mode_cfg on
    int line = 0;         // where the block starts
};

struct RacoonConfImport
{
    QList<RacoonRemote> remotes;
    // "line N: ..." for everything skipped or malformed, in file order.
    QStringList messages;
};

class RacoonConfParser
{
public:
    static RacoonConfImport parse(const QByteArray& text);
    // Reads `path`; a file that cannot be read gives one message and no remotes.
    static RacoonConfImport parseFile(const QString& path);
};

} // namespace qracoon
