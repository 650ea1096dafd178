// The redaction editor's moves without windows: regions stay inside the picture whatever the
// keys or the mouse do, and screen points map to video pixels through the scaled picture.

#include <gtest/gtest.h>

#include "region_editor.hpp"

namespace lectern::desktop {
namespace {

TEST(RegionEditor, NewRegionIsCentredAndSelected) {
    RegionEditor editor(640, 360, {});
    EXPECT_EQ(editor.selected(), -1);
    editor.add_centred(3.5, -1);
    ASSERT_EQ(editor.regions().size(), 1u);
    EXPECT_EQ(editor.regions()[0].box, (lesson::Box{240, 157, 160, 45}));
    EXPECT_DOUBLE_EQ(editor.regions()[0].from, 3.5);
    EXPECT_EQ(editor.selected(), 0);
    EXPECT_TRUE(editor.changed());
}

TEST(RegionEditor, MovesAndResizesStayInsideThePicture) {
    RegionEditor editor(640, 360, {});
    editor.add_centred(0, -1);
    editor.move(10000, 10000);
    EXPECT_EQ(editor.regions()[0].box, (lesson::Box{480, 315, 160, 45}));
    editor.resize(500, 500);  // at the corner: cannot grow further
    EXPECT_EQ(editor.regions()[0].box, (lesson::Box{480, 315, 160, 45}));
    editor.move(-10000, -10000);
    editor.resize(-10000, -10000);
    EXPECT_EQ(editor.regions()[0].box, (lesson::Box{0, 0, 4, 4}));
    editor.resize(10000, 10000);
    EXPECT_EQ(editor.regions()[0].box, (lesson::Box{0, 0, 640, 360}));
}

TEST(RegionEditor, CornersInAnyOrderMakeARegionAndTinyDragsMakeNone) {
    RegionEditor editor(640, 360, {});
    EXPECT_TRUE(editor.add_corners(300, 200, 100, 50, 1, 2));
    EXPECT_EQ(editor.regions()[0].box, (lesson::Box{100, 50, 200, 150}));
    EXPECT_TRUE(editor.add_corners(600, 300, 900, 900, 1, 2));
    EXPECT_EQ(editor.regions()[1].box, (lesson::Box{600, 300, 40, 60}));
    EXPECT_FALSE(editor.add_corners(10, 10, 12, 40, 1, 2));
    EXPECT_EQ(editor.regions().size(), 2u);
    EXPECT_EQ(editor.region_at(150, 100), 0);
    EXPECT_EQ(editor.region_at(5, 5), -1);
}

TEST(RegionEditor, TabCyclesAndDeleteSelectsTheNeighbour) {
    RegionEditor editor(640, 360, {});
    editor.add_centred(0, -1);
    editor.add_corners(0, 0, 50, 50, 0, -1);
    editor.add_corners(100, 100, 150, 150, 0, -1);
    EXPECT_EQ(editor.selected(), 2);
    editor.select_next();
    EXPECT_EQ(editor.selected(), 0);
    editor.select_next(true);
    EXPECT_EQ(editor.selected(), 2);
    editor.remove_current();
    EXPECT_EQ(editor.selected(), 1);
    editor.remove_current();
    editor.remove_current();
    EXPECT_EQ(editor.selected(), -1);
    editor.remove_current();  // nothing left: nothing happens
    EXPECT_TRUE(editor.regions().empty());
}

TEST(PictureFit, ScreenPointsMapToVideoPixelsThroughTheScaledPicture) {
    // 1280x720 video in a 640x480 area: half size, 60 pixels of border above and below.
    const PictureFit f = PictureFit::fit(1280, 720, 640, 480);
    EXPECT_DOUBLE_EQ(f.scale, 0.5);
    EXPECT_EQ(f.left, 0);
    EXPECT_EQ(f.top, 60);
    int x = 0, y = 0;
    f.to_video(100, 110, x, y);
    EXPECT_EQ(x, 200);
    EXPECT_EQ(y, 100);
    f.to_video(-50, 900, x, y);  // outside the picture: its edge
    EXPECT_EQ(x, 0);
    EXPECT_EQ(y, 720);
    int sx, sy, sw, sh;
    f.to_screen({200, 100, 400, 40}, sx, sy, sw, sh);
    EXPECT_EQ(sx, 100);
    EXPECT_EQ(sy, 110);
    EXPECT_EQ(sw, 200);
    EXPECT_EQ(sh, 20);
}

}  // namespace
}  // namespace lectern::desktop
