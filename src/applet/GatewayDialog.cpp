#include "GatewayDialog.h"

#include "ui_GatewayDialog.h"

#include <QHostAddress>
#include <QPushButton>
#include <QRegularExpression>

namespace qracoon {

namespace {

// QHostAddress also takes inet_aton's short forms ("192.0.2" is 192.0.0.2): a typo, not an address.
bool isDottedQuad(const QString& text)
{
    static const QRegularExpression quad(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    return quad.match(text).hasMatch() && QHostAddress(text).protocol() == QAbstractSocket::IPv4Protocol;
}

} // namespace

GatewayDialog::GatewayDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::GatewayDialog>())
{
    m_ui->setupUi(this);
    m_ui->problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    layout()->setSizeConstraint(QLayout::SetMinAndMaxSize);
    connect(m_ui->addressEdit, &QLineEdit::textChanged, this, &GatewayDialog::validate);
    // The user name and the password only mean something with Xauth.
    const auto syncXauth = [this] {
        const bool xauth = m_ui->xauthCheck->isChecked();
        m_ui->userEdit->setEnabled(xauth);
        m_ui->userLabel->setEnabled(xauth);
        m_ui->rememberCheck->setEnabled(xauth);
    };
    connect(m_ui->xauthCheck, &QCheckBox::toggled, this, syncXauth);
    setProfile({});
}

GatewayDialog::~GatewayDialog() = default;

void GatewayDialog::setProfile(const GatewayProfile& profile)
{
    setWindowTitle(profile.address.isEmpty() ? tr("Add Gateway") : tr("Edit Gateway: %1").arg(profile.name));
    // A name that only repeats the address is left empty so it follows address edits.
    m_ui->nameEdit->setText(profile.name == profile.address ? QString() : profile.name);
    m_ui->addressEdit->setText(profile.address);
    m_ui->remoteEdit->setText(QString::fromUtf8(profile.remoteName));
    m_ui->xauthCheck->setChecked(profile.xauth);
    m_ui->userEdit->setText(profile.userName);
    m_ui->rememberCheck->setChecked(profile.rememberPassword);
    m_ui->connectAtStartCheck->setChecked(profile.connectAtStart);
    m_ui->reconnectCheck->setChecked(profile.reconnect);
    const bool xauth = profile.xauth;
    m_ui->userEdit->setEnabled(xauth);
    m_ui->userLabel->setEnabled(xauth);
    m_ui->rememberCheck->setEnabled(xauth);
    (profile.address.isEmpty() ? m_ui->addressEdit : m_ui->nameEdit)->setFocus();
    validate();
}

GatewayProfile GatewayDialog::profile() const
{
    GatewayProfile p;
    const QHostAddress address(m_ui->addressEdit->text().trimmed());
    p.address = address.isNull() ? m_ui->addressEdit->text().trimmed() : address.toString();
    p.name = m_ui->nameEdit->text().trimmed();
    if (p.name.isEmpty()) {
        p.name = p.address;
    }
    p.remoteName = m_ui->remoteEdit->text().trimmed().toUtf8();
    p.xauth = m_ui->xauthCheck->isChecked();
    p.userName = p.xauth ? m_ui->userEdit->text().trimmed() : QString();
    p.rememberPassword = p.xauth && m_ui->rememberCheck->isChecked();
    p.connectAtStart = m_ui->connectAtStartCheck->isChecked();
    p.reconnect = m_ui->reconnectCheck->isChecked();
    return p;
}

QString GatewayDialog::problem() const
{
    const QString text = m_ui->addressEdit->text().trimmed();
    if (text.isEmpty()) {
        return tr("Enter the gateway's IPv4 address.");
    }
    const QHostAddress address(text);
    if (!isDottedQuad(text)) {
        return tr("\"%1\" is not an IPv4 address.").arg(text);
    }
    if (m_taken.contains(address.toString())) {
        return tr("Another gateway already has the address %1.").arg(address.toString());
    }
    return {};
}

void GatewayDialog::validate()
{
    const QString why = problem();
    // An empty form is not an error yet: no red text before the user typed anything.
    m_ui->problemLabel->setText(m_ui->addressEdit->text().trimmed().isEmpty() ? QString() : why);
    m_ui->problemLabel->setVisible(!m_ui->problemLabel->text().isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void GatewayDialog::accept()
{
    if (!problem().isEmpty()) {
        return;
    }
    QDialog::accept();
}

} // namespace qracoon
