// Asks for the Xauth user name and password of one gateway. Shown non-modally with open(); it can be
// asked again after a rejected login (the message says why), and it never keeps the password longer
// than it takes to hand it to takeCredentials().
#pragma once

#include "backend/XauthCredentials.h"

#include <QDialog>
#include <memory>

namespace Ui {
class XauthDialog;
}

namespace qracoon {

class XauthDialog : public QDialog
{
    Q_OBJECT

public:
    explicit XauthDialog(QWidget* parent = nullptr);
    ~XauthDialog() override;

    // Prepares a round: the gateway's name, a suggested user name, and why it asks again (empty the
    // first time). Clears any password left in the field.
    void prepare(const QString& gatewayName, const QString& userName, const QString& message);
    QString gatewayName() const { return m_gatewayName; }
    QString userName() const;
    QString message() const;
    // The answer, moved out of the dialog; the password field is emptied.
    XauthCredentials takeCredentials();

    void accept() override;
    void reject() override;

private:
    void updateOkButton();
    void clearPassword();

    std::unique_ptr<Ui::XauthDialog> m_ui;
    QString m_gatewayName;
};

} // namespace qracoon
