// Decodes racoon's STATUS/STATUS_VERBOSE JSON document (schema 2.x, ADMIN-PROTOCOL.md §7.5).
#pragma once

#include "core/Result.h"
#include "core/model/StatusDocument.h"

#include <QByteArray>

namespace qracoon {

// Fails, naming the JSON path, when a required member is missing or has the wrong type, or when the
// schema's major version is not 2. Members this client does not know are ignored.
Result<StatusDocument> decodeStatusJson(const QByteArray& json);

} // namespace qracoon
