#pragma once
// What a video file is, read before anything else is done with it.

#include <filesystem>
#include <string>

namespace lectern::lesson {

struct VideoInfo {
    int width = 0;
    int height = 0;
    double fps = 0;
    long long frame_count = 0;  ///< as the container declares it; may be an estimate
    double duration = 0;        ///< seconds
    std::string codec;          ///< FourCC as text, like "h264", for messages
};

/// Opens the video and decodes its first frame. Throws Error(NotFound) when the file does not
/// exist and Error(InvalidContent) with what to do when it is empty, not a video, damaged,
/// of absurd dimensions or in a codec this machine cannot decode.
VideoInfo probe_video(const std::filesystem::path& video);

/// "1:05" or "1:02:03" for a time in seconds (rounded down to the second).
std::string format_time(double seconds);

}  // namespace lectern::lesson
