// One request frame, ready to send, and the encoders that build each kind (ADMIN-PROTOCOL.md §4, §5).
#pragma once

#include "AdminCodes.h"
#include "SecureBytes.h"
#include "SocketAddress.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <vector>

namespace qracoon {

// The SA an indexes-carrying request names: two endpoints of one family, prefixes, upper-layer protocol.
struct SaSelector
{
    SocketAddress src;
    SocketAddress dst;
    std::uint8_t prefs = 32;
    std::uint8_t prefd = 32;
    std::uint8_t ulProto = 0;
};

struct ByteRange
{
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Move-only: a request may carry a password, which must exist in exactly one buffer and be wiped with it.
class AdminRequest
{
public:
    AdminRequest() = default;
    AdminRequest(AdminRequest&&) noexcept = default;
    AdminRequest& operator=(AdminRequest&&) noexcept = default;

    std::uint16_t command() const { return m_command; }
    std::uint16_t proto() const { return m_proto; }
    const char* data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    std::string_view bytes() const { return m_bytes.view(); }
    // Byte ranges that hold secrets (the Xauth password): never printed, never logged.
    const std::vector<ByteRange>& secretRanges() const { return m_secrets; }
    bool isSecret(std::size_t offset) const;
    // True when racoon keeps the connection open after a successful reply and pushes events on it.
    bool subscribes() const;
    // Wipes the frame (a no-op for requests without secrets beyond clearing them).
    void wipe() { m_bytes.wipe(); }

    // ---- encoders
    // Requests without payload: RELOAD_CONF, SHOW_SCHED, SHOW_EVT, SHOW_SA, FLUSH_SA, STATUS(_VERBOSE).
    static AdminRequest simple(std::uint16_t command, std::uint16_t proto = AdminProto::None);
    // DELETE_SA, DELETE_ALL_SA_DST, GET_SA_CERT, and ESTABLISH_SA without name.
    static AdminRequest withIndexes(std::uint16_t command, std::uint16_t proto, const SaSelector& selector);
    // ESTABLISH_SA with the name of the racoon.conf `remote` block to use (sent for ISAKMP only).
    static Result<AdminRequest> establish(std::uint16_t proto, const SaSelector& selector,
                                          const QByteArray& remoteName = {});
    // ESTABLISH_SA_PSK: Xauth identity and password. The caller wipes its own copy of the password.
    static Result<AdminRequest> establishWithCredentials(std::uint16_t proto, const SaSelector& selector,
                                                         const QByteArray& identity,
                                                         std::string_view password);
    static Result<AdminRequest> logoutUser(const QByteArray& login);

    // Parses a request frame (racoonsim's side). Fails on a truncated or inconsistent frame.
    static Result<AdminRequest> decode(const char* data, std::size_t size);

private:
    static AdminRequest build(std::uint16_t command, std::uint16_t proto, std::size_t payloadSize);
    void finishHeader();

    SecureBytes m_bytes;
    std::vector<ByteRange> m_secrets;
    std::uint16_t m_command = 0;
    std::uint16_t m_proto = 0;
};

// Decodes the admin_com_indexes at the start of a request payload (racoonsim and tests).
Result<SaSelector> decodeIndexes(const char* payload, std::size_t size);

} // namespace qracoon
