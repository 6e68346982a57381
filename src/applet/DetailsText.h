// The details pane's HTML for a selected gateway, phase 1 SA, IPsec SA or event: everything the lists
// have no room for, including what racoon's status document says (proposal, Xauth, mode-cfg, NAT-T, DPD).
#pragma once

#include "ConnectionController.h"
#include "EventLogModel.h"
#include "core/model/IpsecSa.h"
#include "core/model/IsakmpSa.h"
#include "core/model/StatusDocument.h"

#include <QString>
#include <optional>

namespace qracoon::details {

QString gateway(const ConnectionController& controller);
QString isakmpSa(const IsakmpSa& sa, const std::optional<StatusDocument::Phase1>& status,
                 std::optional<std::int64_t> lifetimeLeft);
QString ipsecSa(const IpsecSa& sa, std::optional<std::int64_t> lifetimeLeft);
QString event(const EventLogModel::Entry& entry);

} // namespace qracoon::details
