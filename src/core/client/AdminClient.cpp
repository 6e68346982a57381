#include "AdminClient.h"

namespace qracoon {

AdminClient::AdminClient(QString socketPath, QObject* parent)
    : QObject(parent), m_socketPath(std::move(socketPath))
{}

AdminCall* AdminClient::send(AdminRequest request, QObject* parent)
{
    const AdminCall::Mode mode =
        request.subscribes() ? AdminCall::Mode::Stream : AdminCall::Mode::SingleReply;
    return send(std::move(request), mode, parent);
}

AdminCall* AdminClient::send(AdminRequest request, AdminCall::Mode mode, QObject* parent)
{
    auto* call = new AdminCall(m_socketPath, std::move(request), mode, m_timeoutMs, parent ? parent : this);
    call->start();
    return call;
}

} // namespace qracoon
