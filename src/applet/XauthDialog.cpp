#include "XauthDialog.h"

#include "ui_XauthDialog.h"

#include <QPushButton>
#include <QStyle>

namespace qracoon {

XauthDialog::XauthDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::XauthDialog>())
{
    m_ui->setupUi(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_ui->iconLabel->setPixmap(QIcon(QStringLiteral(":/icons/qracoon-connecting.svg")).pixmap(iconSize));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Log In"));
    m_ui->messageLabel->hide();
    // As small as its contents, also after the message line comes and goes.
    layout()->setSizeConstraint(QLayout::SetFixedSize);
    // The message reports a rejected login: make it stand out without depending on the theme.
    m_ui->messageLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
    connect(m_ui->userEdit, &QLineEdit::textChanged, this, &XauthDialog::updateOkButton);
    updateOkButton();
}

XauthDialog::~XauthDialog()
{
    clearPassword();
}

void XauthDialog::prepare(const QString& gatewayName, const QString& userName, const QString& message)
{
    m_gatewayName = gatewayName;
    setWindowTitle(tr("VPN Login: %1").arg(gatewayName));
    m_ui->promptLabel->setText(
        tr("<b>%1</b> asks for your user name and password.").arg(gatewayName.toHtmlEscaped()));
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
    if (m_ui->userEdit->text().isEmpty() || message.isEmpty()) {
        m_ui->userEdit->setText(userName);
    }
    clearPassword();
    // Straight to the field that needs typing.
    if (m_ui->userEdit->text().isEmpty()) {
        m_ui->userEdit->setFocus();
    } else {
        m_ui->passwordEdit->setFocus();
    }
    updateOkButton();
}

QString XauthDialog::userName() const
{
    return m_ui->userEdit->text().trimmed();
}

QString XauthDialog::message() const
{
    return m_ui->messageLabel->text();
}

XauthCredentials XauthDialog::takeCredentials()
{
    QByteArray password = m_ui->passwordEdit->text().toUtf8();
    XauthCredentials credentials(userName().toUtf8(),
                                 std::string_view(password.constData(), password.size()));
    secureWipe(password.data(), static_cast<std::size_t>(password.size()));
    clearPassword();
    return credentials;
}

void XauthDialog::accept()
{
    if (userName().isEmpty()) {
        return;
    }
    QDialog::accept();
}

void XauthDialog::reject()
{
    clearPassword();
    QDialog::reject();
}

void XauthDialog::updateOkButton()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!userName().isEmpty());
}

void XauthDialog::clearPassword()
{
    // QLineEdit keeps its own QString; clearing is the most a widget allows (its buffer is freed).
    m_ui->passwordEdit->clear();
}

} // namespace qracoon
