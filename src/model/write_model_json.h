#pragma once
#include <string>

#include "model/timeline.h"

namespace chronicle::model {

/// The normalized model as canonical JSON (`chronicle normalize`): stable key order, each
/// date as {"text", "from", "to" (exclusive), "precision", "approximate", "uncertain"},
/// ids and sources resolved. `chronicle render` reads it back to the same model.
std::string write_model_json(const Timeline& tl);

}  // namespace chronicle::model
