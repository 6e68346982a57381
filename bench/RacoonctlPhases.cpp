// racoonctl's `show-sa` split into its phases, each timed on its own: reading the reply (connect, send the
// request, receive the whole reply through AdminClient), decoding it into model values (what the applet
// does), printing it (ReplyPrinter: the text racoonctl writes) and writing that text out.
// usage: racoonctl_phases SOCKET isakmp|esp|ah|ipsec [OUTPUT]
// Prints one JSON object with the times in seconds and the counts; the text goes to OUTPUT (default
// /dev/null) so that it can be compared with racoonctl's.
#include "core/client/AdminClient.h"
#include "core/decode/Ph1DumpDecoder.h"
#include "core/decode/SadbDumpDecoder.h"
#include "core/format/ReplyPrinter.h"
#include "core/wire/AdminRequest.h"

#include <QCoreApplication>
#include <QFile>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

using namespace qracoon;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

QString tr(const char* text)
{
    return QCoreApplication::translate("racoonctl_phases", text);
}

int fail(const QString& message)
{
    std::fprintf(stderr, "racoonctl_phases: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3 || args.size() > 4) {
        return fail(tr("usage: racoonctl_phases SOCKET isakmp|esp|ah|ipsec [OUTPUT]"));
    }
    const QString proto = args.at(2);
    std::uint16_t protoCode = 0;
    if (proto == QLatin1String("isakmp")) {
        protoCode = AdminProto::Isakmp;
    } else if (proto == QLatin1String("esp")) {
        protoCode = AdminProto::Esp;
    } else if (proto == QLatin1String("ah")) {
        protoCode = AdminProto::Ah;
    } else if (proto == QLatin1String("ipsec")) {
        protoCode = AdminProto::Ipsec;
    } else {
        return fail(tr("unknown protocol %1").arg(proto));
    }

    const Clock::time_point readStart = Clock::now();
    AdminClient client(args.at(1));
    client.setTimeout(0);
    AdminCall* call =
        client.send(AdminRequest::simple(AdminCommand::ShowSa, protoCode), AdminCall::Mode::SingleReply);
    AdminFrame reply;
    QObject::connect(call, &AdminCall::frameReceived, call,
                     [&reply](const AdminFrame& frame) { reply = frame; });
    call->waitForFinished();
    const double readSeconds = secondsSince(readStart);
    if (call->error().kind != AdminError::Kind::None || reply.bytes().isEmpty()) {
        return fail(tr("no reply: %1").arg(call->error().message));
    }
    if (reply.isError()) {
        return fail(tr("racoon answered errno %1").arg(reply.errorCode()));
    }

    const Clock::time_point decodeStart = Clock::now();
    std::size_t decoded = 0;
    if (protoCode == AdminProto::Isakmp) {
        const auto sas = decodePh1Dump(reply.payloadData(), reply.payloadSize());
        decoded = sas ? sas->size() : 0;
    } else {
        const auto dump = decodeSadbDump(reply.payloadData(), reply.payloadSize());
        decoded = dump ? dump->sas.size() : 0;
    }
    const double decodeSeconds = secondsSince(decodeStart);

    const Clock::time_point printStart = Clock::now();
    PrintOptions options;
    options.now = std::time(nullptr);
    std::string text;
    ReplyPrinter::print(text, reply, options);
    const double printSeconds = secondsSince(printStart);

    const Clock::time_point writeStart = Clock::now();
    QFile output(args.size() == 4 ? args.at(3) : QStringLiteral("/dev/null"));
    if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        output.write(text.data(), qint64(text.size())) != qint64(text.size())) {
        return fail(tr("cannot write %1").arg(output.fileName()));
    }
    output.close();
    const double writeSeconds = secondsSince(writeStart);

    std::printf("{\"read_s\": %.6f, \"decode_s\": %.6f, \"print_s\": %.6f, \"write_s\": %.6f, "
                "\"reply_bytes\": %zu, \"decoded\": %zu, \"text_bytes\": %zu}\n",
                readSeconds, decodeSeconds, printSeconds, writeSeconds, std::size_t(reply.bytes().size()),
                decoded, text.size());
    return 0;
}
