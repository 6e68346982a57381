#include "XauthCredentials.h"

namespace qracoon {

XauthCredentials::XauthCredentials(QByteArray login, std::string_view password) : m_login(std::move(login))
{
    m_password.append(password);
}

void XauthCredentials::wipe()
{
    m_password.wipe();
    m_login.clear();
}

} // namespace qracoon
