#pragma once
// Whether wxMediaCtrl can play anything here. Its GStreamer backend aborts the whole app when
// GStreamer's `playbin` element is missing (plugins-base not installed), so the lesson view
// asks GStreamer itself before it creates a player.

#include <string>

namespace lectern::desktop {

/// Empty when GStreamer starts and has a `playbin`; otherwise what is missing, in words for
/// a log line ("GStreamer has no playbin element").
std::string missing_media_support();

}  // namespace lectern::desktop
