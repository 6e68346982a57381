// Adds or edits one gateway: address, name, remote block, Xauth user and the per-gateway switches.
// OK stays disabled while the address is not a usable IPv4 address (the line below the form says why).
#pragma once

#include "GatewayProfile.h"

#include <QDialog>
#include <QStringList>
#include <memory>

namespace Ui {
class GatewayDialog;
}

namespace qracoon {

class GatewayDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GatewayDialog(QWidget* parent = nullptr);
    ~GatewayDialog() override;

    // Fills the form; an empty address means "add a new gateway".
    void setProfile(const GatewayProfile& profile);
    GatewayProfile profile() const;
    // Addresses other gateways already use: taking one of them is refused.
    void setTakenAddresses(const QStringList& addresses)
    {
        m_taken = addresses;
        validate();
    }
    // Why OK is disabled, empty when the form is acceptable.
    QString problem() const;

    void accept() override;

private:
    void validate();

    std::unique_ptr<Ui::GatewayDialog> m_ui;
    QStringList m_taken;
};

} // namespace qracoon
