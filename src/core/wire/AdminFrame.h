// One admin-port frame and the reader that cuts a byte stream into frames (ADMIN-PROTOCOL.md §1, §2).
#pragma once

#include "AdminCodes.h"
#include "WireLayout.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>

namespace qracoon {

// A reply or pushed frame as received: the whole frame, header included, so that a large reply is
// handed on without copying its payload.
class AdminFrame
{
public:
    AdminFrame() = default;
    // `bytes` must hold a complete frame whose header says bytes.size().
    explicit AdminFrame(QByteArray bytes);

    std::uint16_t command() const { return m_command; } // without the long-reply flag
    std::uint16_t proto() const { return m_proto; }
    bool isLongReply() const { return m_longReply; }
    // The signed errno of a short reply; always 0 for a long reply, whose field holds the length.
    int errorCode() const { return m_errorCode; }
    bool isError() const { return m_errorCode != 0; }

    const QByteArray& bytes() const { return m_bytes; }
    const char* payloadData() const { return m_bytes.constData() + sizeof(wire::AdminHeader); }
    std::size_t payloadSize() const
    {
        return static_cast<std::size_t>(m_bytes.size()) - sizeof(wire::AdminHeader);
    }
    QByteArray payload() const { return m_bytes.mid(sizeof(wire::AdminHeader)); }

    // Builds a reply as racoon's admin_reply() does: the long-reply form when 8 + payload > 65535 and
    // there is no error (errors are always sent short, their payload cut to what fits).
    static QByteArray encodeReply(std::uint16_t command, std::uint16_t proto, int errorCode,
                                  const char* payload, std::size_t payloadSize);
    static QByteArray encodeReply(std::uint16_t command, std::uint16_t proto, int errorCode,
                                  const QByteArray& payload = {})
    {
        return encodeReply(command, proto, errorCode, payload.constData(),
                           static_cast<std::size_t>(payload.size()));
    }

private:
    QByteArray m_bytes;
    std::uint16_t m_command = 0;
    std::uint16_t m_proto = 0;
    int m_errorCode = 0;
    bool m_longReply = false;
};

// Length of the frame a reply header announces, or nullopt with a reason if it is impossible.
std::optional<std::uint32_t> replyFrameLength(const wire::AdminHeader& header, QString* error);

// Splits a byte stream from racoon into frames, whatever the read boundaries: a header may arrive in
// several pieces, one read may carry the end of a frame and the start of the next.
class FrameReader
{
public:
    enum class Status
    {
        NeedMore, // no complete frame buffered yet
        Frame,    // `frame` holds the next frame
        Error,    // the stream is malformed; `error` says how. Nothing more can be read from it.
    };

    void append(const char* data, qsizetype size);
    void append(const QByteArray& data) { append(data.constData(), data.size()); }
    Status next(AdminFrame& frame, QString& error);

    // Bytes buffered but not yet returned as a frame.
    qsizetype pendingBytes() const { return m_buffer.size() - m_pos; }
    bool hasPartialHeader() const
    {
        return pendingBytes() > 0 && pendingBytes() < qsizetype(sizeof(wire::AdminHeader));
    }
    // The announced length of the frame being assembled, 0 when no header is buffered.
    std::uint32_t expectedLength() const { return m_expected; }
    // Memory held for buffered bytes: what arrived plus a bounded reserve, whatever a header announces.
    qsizetype bufferCapacity() const { return m_buffer.capacity(); }

private:
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    std::uint32_t m_expected = 0;
    bool m_failed = false;
};

} // namespace qracoon
