#pragma once
#include <string>

#include "layout/scene.h"

namespace chronicle::layout {

/// The Scene as the JSON of --dump-layout: {"page": {...}, "items": [...]}, numbers
/// rounded to 0.01 pt so the text is stable.
std::string write_scene_json(const Scene& scene);

}  // namespace chronicle::layout
