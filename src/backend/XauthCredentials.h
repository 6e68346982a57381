// The Xauth login and password for one connect request. Move-only: the password lives in exactly one
// wiped-on-destruction buffer from the dialog to the request encoder, and is never logged.
#pragma once

#include "core/wire/SecureBytes.h"

#include <QByteArray>
#include <string_view>

namespace qracoon {

class XauthCredentials
{
public:
    XauthCredentials() = default;
    // Copies `password` into the secure buffer; the caller wipes its own copy.
    XauthCredentials(QByteArray login, std::string_view password);
    XauthCredentials(XauthCredentials&&) noexcept = default;
    XauthCredentials& operator=(XauthCredentials&&) noexcept = default;

    // No login means "connect without Xauth" (ESTABLISH_SA instead of ESTABLISH_SA_PSK).
    bool isEmpty() const { return m_login.isEmpty(); }
    const QByteArray& login() const { return m_login; }
    std::string_view password() const { return m_password.view(); }
    void wipe();

private:
    QByteArray m_login;
    SecureBytes m_password;
};

} // namespace qracoon
