// FrameReader: frames come out whole whatever the read boundaries, and a header announcing a huge long
// reply costs no memory beyond a bounded reserve (found by fuzz_frames: a 4-byte-aligned run of 0xab
// bytes announced 2.7 GiB and made the reader allocate all of it at once).
#include "core/wire/AdminFrame.h"

#include <QTest>

using namespace qracoon;

namespace {

QByteArray header(std::uint16_t len, std::uint16_t cmd, std::uint16_t third, std::uint16_t proto)
{
    wire::AdminHeader h{len, cmd, third, proto};
    return QByteArray(reinterpret_cast<const char*>(&h), sizeof h);
}

// Every frame the stream yields when it arrives in reads of `readSize` bytes.
QList<QByteArray> framesOf(const QByteArray& stream, qsizetype readSize, bool* failed = nullptr)
{
    FrameReader reader;
    QList<QByteArray> frames;
    for (qsizetype at = 0; at < stream.size(); at += readSize) {
        reader.append(stream.mid(at, readSize));
        AdminFrame frame;
        QString error;
        FrameReader::Status status;
        while ((status = reader.next(frame, error)) == FrameReader::Status::Frame) {
            frames.append(frame.bytes());
        }
        if (status == FrameReader::Status::Error) {
            if (failed != nullptr) {
                *failed = true;
            }
            break;
        }
    }
    return frames;
}

constexpr qsizetype MaxReserveAhead = qsizetype(16) << 20;

} // namespace

class TestFrameReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsStream_data()
    {
        QTest::addColumn<qsizetype>("readSize");
        for (const qsizetype size : {1, 3, 7, 8, 9, 64, 4096}) {
            QTest::addRow("reads of %lld bytes", static_cast<long long>(size)) << size;
        }
    }

    void splitsStream()
    {
        QFETCH(qsizetype, readSize);
        const QByteArray event = header(8 + 280, AdminCommand::ShowEvt, 0, 0) + QByteArray(280, 'e');
        const QByteArray empty = header(8, AdminCommand::ShowEvt, 0, 0);
        const QByteArray longPayload(70000, 's');
        const std::uint32_t longTotal = 8 + 70000;
        const QByteArray longReply =
            header(std::uint16_t(longTotal & 0xffff), AdminCommand::ShowSa | AdminFlagLongReply,
                   std::uint16_t(longTotal >> 16), AdminProto::Esp) +
            longPayload;
        const QList<QByteArray> frames = framesOf(longReply + event + empty + event, readSize);
        QCOMPARE(frames, (QList<QByteArray>{longReply, event, empty, event}));
        QVERIFY(AdminFrame(frames.first()).isLongReply());
    }

    void boundedReserve_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<std::uint32_t>("announced");
        QTest::newRow("largest long reply")
            << header(0xffff, AdminCommand::ShowSa | AdminFlagLongReply, 0xffff, AdminProto::Esp)
            << std::uint32_t(0xffffffff);
        // The stream of fuzz_frames' crash input oom-c7e0d56e88c674e6943e8680dfcb096fd38518c7.
        QTest::newRow("fuzz oom-c7e0d56e")
            << QByteArray(24, char(0xab)) + QByteArray::fromHex("0401080006020000ff01")
            << std::uint32_t(0xabababab);
        QTest::newRow("largest short reply")
            << header(0xffff, AdminCommand::ShowSa, 0, AdminProto::Isakmp) << std::uint32_t(0xffff);
    }

    void boundedReserve()
    {
        QFETCH(QByteArray, head);
        QFETCH(std::uint32_t, announced);
        FrameReader reader;
        reader.append(head);
        AdminFrame frame;
        QString error;
        QCOMPARE(reader.next(frame, error), FrameReader::Status::NeedMore);
        QCOMPARE(reader.expectedLength(), announced);
        QVERIFY2(reader.bufferCapacity() <= std::max(MaxReserveAhead, head.size()) + 64,
                 qPrintable(QStringLiteral("%1 bytes reserved").arg(reader.bufferCapacity())));
    }

    // A frame larger than the reserve still comes out whole, its content intact.
    void frameBeyondReserve()
    {
        const std::uint32_t total = std::uint32_t(MaxReserveAhead) + 4096 + 8;
        QByteArray payload(qsizetype(total - 8), '\0');
        for (qsizetype i = 0; i < payload.size(); ++i) {
            payload[i] = char(i % 251);
        }
        const QByteArray stream =
            header(std::uint16_t(total & 0xffff), AdminCommand::ShowSa | AdminFlagLongReply,
                   std::uint16_t(total >> 16), AdminProto::Esp) +
            payload;
        const QList<QByteArray> frames = framesOf(stream, 1 << 20);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.first().size(), qsizetype(total));
        QVERIFY(frames.first() == stream);
    }

    void shortHeaderFails()
    {
        bool failed = false;
        QVERIFY(framesOf(header(7, AdminCommand::ShowSa, 0, 0), 8, &failed).isEmpty());
        QVERIFY(failed);
    }
};

QTEST_GUILESS_MAIN(TestFrameReader)
#include "tst_framereader.moc"
