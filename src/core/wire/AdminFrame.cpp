#include "AdminFrame.h"

#include <QCoreApplication>
#include <algorithm>

namespace qracoon {

namespace {

// A long reply's header may announce up to 4 GiB. Room is made ahead for at most this much, so that a
// broken or hostile header costs no more memory than the bytes that actually follow it; larger frames
// grow with what arrives.
constexpr qsizetype MaxReserveAhead = qsizetype(16) << 20;

wire::AdminHeader headerOf(const QByteArray& bytes)
{
    wire::AdminHeader h{};
    wire::readStruct(bytes.constData(), static_cast<std::size_t>(bytes.size()), 0, h);
    return h;
}

} // namespace

AdminFrame::AdminFrame(QByteArray bytes) : m_bytes(std::move(bytes))
{
    const wire::AdminHeader h = headerOf(m_bytes);
    m_longReply = (h.cmd & AdminFlagLongReply) != 0;
    m_command = static_cast<std::uint16_t>(h.cmd & ~AdminFlagLongReply);
    m_proto = h.proto;
    m_errorCode = m_longReply ? 0 : static_cast<std::int16_t>(h.third);
}

QByteArray AdminFrame::encodeReply(std::uint16_t command, std::uint16_t proto, int errorCode,
                                   const char* payload, std::size_t payloadSize)
{
    if (errorCode != 0) {
        payloadSize = std::min<std::size_t>(payloadSize, 0xffff - sizeof(wire::AdminHeader));
    }
    const std::size_t total = sizeof(wire::AdminHeader) + payloadSize;
    wire::AdminHeader h{};
    h.len = static_cast<std::uint16_t>(total & 0xffff);
    h.proto = proto;
    if (total > 0xffff && errorCode == 0) {
        h.cmd = static_cast<std::uint16_t>(command | AdminFlagLongReply);
        h.third = static_cast<std::uint16_t>(total >> 16);
    } else {
        h.cmd = command;
        h.third = static_cast<std::uint16_t>(static_cast<std::int16_t>(errorCode));
    }
    QByteArray out;
    out.reserve(static_cast<qsizetype>(total));
    out.append(reinterpret_cast<const char*>(&h), sizeof h);
    if (payloadSize != 0) {
        out.append(payload, static_cast<qsizetype>(payloadSize));
    }
    return out;
}

std::optional<std::uint32_t> replyFrameLength(const wire::AdminHeader& header, QString* error)
{
    std::uint32_t total = header.len;
    if ((header.cmd & AdminFlagLongReply) != 0) {
        total += static_cast<std::uint32_t>(header.third) << 16;
    }
    if (total < sizeof(wire::AdminHeader)) {
        if (error != nullptr) {
            *error = QCoreApplication::translate(
                         "FrameReader", "racoon sent a frame header announcing %1 bytes, fewer than the "
                                        "8-byte header itself")
                         .arg(total);
        }
        return std::nullopt;
    }
    return total;
}

void FrameReader::append(const char* data, qsizetype size)
{
    if (size <= 0 || m_failed) {
        return;
    }
    // Drop consumed bytes before growing, so a long-lived event stream does not keep its history.
    if (m_pos > 0 && m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > (1 << 16) && m_pos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(data, size);
}

FrameReader::Status FrameReader::next(AdminFrame& frame, QString& error)
{
    if (m_failed) {
        error = QCoreApplication::translate("FrameReader", "the admin connection is in an unusable state");
        return Status::Error;
    }
    const qsizetype available = m_buffer.size() - m_pos;
    if (available < qsizetype(sizeof(wire::AdminHeader))) {
        m_expected = 0;
        return Status::NeedMore;
    }
    wire::AdminHeader h{};
    wire::readStruct(m_buffer.constData(), static_cast<std::size_t>(m_buffer.size()),
                     static_cast<std::size_t>(m_pos), h);
    const auto total = replyFrameLength(h, &error);
    if (!total) {
        m_failed = true;
        return Status::Error;
    }
    m_expected = *total;
    if (available < qsizetype(*total)) {
        const qsizetype reserve = std::min(qsizetype(*total), MaxReserveAhead);
        if (m_pos == 0 && m_buffer.capacity() < reserve) {
            m_buffer.reserve(reserve);
        }
        return Status::NeedMore;
    }
    if (m_pos == 0 && available == qsizetype(*total)) {
        frame = AdminFrame(std::move(m_buffer));
        m_buffer = QByteArray();
    } else {
        frame = AdminFrame(m_buffer.mid(m_pos, qsizetype(*total)));
        m_pos += qsizetype(*total);
    }
    m_expected = 0;
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    }
    return Status::Frame;
}

} // namespace qracoon
