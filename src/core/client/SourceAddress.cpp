#include "SourceAddress.h"

#include <QCoreApplication>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <linux/ipsec.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace qracoon {

namespace {

constexpr std::uint16_t NatTraversalPort = 4500;

QString tr(const char* text)
{
    return QCoreApplication::translate("qracoon", text);
}

class SocketHandle
{
public:
    explicit SocketHandle(int fd) : m_fd(fd) {}
    SocketHandle(const SocketHandle&) = delete;
    SocketHandle& operator=(const SocketHandle&) = delete;
    ~SocketHandle()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    int fd() const { return m_fd; }

private:
    int m_fd;
};

// An outbound IPsec policy could otherwise capture the probe and change or fail the route lookup.
// Setting a per-socket bypass policy needs CAP_NET_ADMIN; without it the plain lookup is used.
void tryBypassIpsec(int fd, bool inet6)
{
    sadb_x_policy policy{};
    policy.sadb_x_policy_len = sizeof policy / 8;
    policy.sadb_x_policy_exttype = SADB_X_EXT_POLICY;
    policy.sadb_x_policy_type = IPSEC_POLICY_BYPASS;
    policy.sadb_x_policy_dir = IPSEC_DIR_OUTBOUND;
    const int level = inet6 ? IPPROTO_IPV6 : IPPROTO_IP;
    const int option = inet6 ? IPV6_IPSEC_POLICY : IP_IPSEC_POLICY;
    (void)setsockopt(fd, level, option, &policy, sizeof policy);
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

Result<SocketAddress> sourceAddressToward(const SocketAddress& destination)
{
    if (!destination.isIp()) {
        return Result<SocketAddress>::failure(
            tr("cannot find source address: the gateway is not an IP address"));
    }
    const bool inet6 = destination.family() == SocketAddress::Family::Inet6;
    const SocketHandle socketHandle(::socket(inet6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (socketHandle.fd() < 0) {
        return Result<SocketAddress>::failure(
            tr("cannot find source address: socket: %1").arg(systemError()));
    }
    tryBypassIpsec(socketHandle.fd(), inet6);

    SocketAddress target = destination;
    target.setPort(NatTraversalPort);
    sockaddr_storage peer{};
    target.writeSockaddr(reinterpret_cast<std::uint8_t*>(&peer));
    if (::connect(socketHandle.fd(), reinterpret_cast<const sockaddr*>(&peer),
                  static_cast<socklen_t>(target.sockaddrLength())) != 0) {
        return Result<SocketAddress>::failure(
            tr("cannot find source address towards %1: %2").arg(destination.toString(), systemError()));
    }
    sockaddr_storage local{};
    socklen_t localLength = sizeof local;
    if (::getsockname(socketHandle.fd(), reinterpret_cast<sockaddr*>(&local), &localLength) != 0) {
        return Result<SocketAddress>::failure(
            tr("cannot find source address: getsockname: %1").arg(systemError()));
    }
    const std::optional<SocketAddress> source =
        SocketAddress::fromSockaddr(&local, std::min<std::size_t>(localLength, sizeof local));
    if (!source || source->family() != destination.family()) {
        return Result<SocketAddress>::failure(
            tr("cannot find source address: the kernel returned no IP address"));
    }
    // Only the address and zone matter; port and flow label of the probe socket are not part of the selector.
    if (inet6) {
        return SocketAddress::ipv6(source->bytes(), 0, source->scopeId());
    }
    return SocketAddress::ipv4(
        {source->bytes()[0], source->bytes()[1], source->bytes()[2], source->bytes()[3]});
}

} // namespace qracoon
