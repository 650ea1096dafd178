#include "media_support.hpp"

#include <gst/gst.h>

namespace lectern::desktop {

std::string missing_media_support() {
    GError* error = nullptr;
    if (!gst_init_check(nullptr, nullptr, &error)) {
        std::string why = "GStreamer did not start";
        if (error) {
            why += std::string(": ") + error->message;
            g_error_free(error);
        }
        return why;
    }
    GstElementFactory* playbin = gst_element_factory_find("playbin");
    if (!playbin) return "GStreamer has no playbin element (gstreamer1.0-plugins-base)";
    gst_object_unref(playbin);
    return {};
}

}  // namespace lectern::desktop
