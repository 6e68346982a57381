#include "EventDecoder.h"

#include "ModeCfgDecoder.h"

#include <QCoreApplication>

namespace qracoon {

Result<RacoonEvent> decodeEventPayload(const char* payload, std::size_t size)
{
    wire::EvtAsync evt{};
    if (!wire::readStruct(payload, size, 0, evt)) {
        return Result<RacoonEvent>::failure(
            QCoreApplication::translate(
                "EventDecoder", "event frame of %1 bytes is shorter than the %2 bytes of an event record")
                .arg(size + sizeof(wire::AdminHeader))
                .arg(sizeof(wire::AdminHeader) + sizeof(wire::EvtAsync)));
    }
    RacoonEvent event;
    event.code = evt.type;
    event.timestamp = evt.timestamp;
    event.ph1src = SocketAddress::fromStorage(evt.ph1src);
    event.ph1dst = SocketAddress::fromStorage(evt.ph1dst);
    event.ph2msgid = evt.ph2msgid;
    const char* attributes = payload + sizeof evt;
    const std::size_t attributesSize = size - sizeof evt;
    event.attributes = QByteArray(attributes, static_cast<qsizetype>(attributesSize));
    if (event.code == EventCode::Phase1ModeCfg) {
        event.modeCfg = decodeModeCfg(attributes, attributesSize);
    }
    return event;
}

Result<RacoonEvent> decodeEvent(const AdminFrame& frame)
{
    if (frame.bytes().size() < qsizetype(sizeof(wire::AdminHeader))) {
        return decodeEventPayload(nullptr, 0);
    }
    return decodeEventPayload(frame.payloadData(), frame.payloadSize());
}

} // namespace qracoon
