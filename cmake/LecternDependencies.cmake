# Finds every third-party library and stops early, naming the Debian package to install.
# scripts/install-deps.sh installs all of them.

macro(lectern_require found debian_package what)
  if(NOT ${found})
    message(FATAL_ERROR
      "${what} was not found. Install the Debian package '${debian_package}' "
      "(scripts/install-deps.sh installs everything Lectern needs).")
  endif()
endmacro()

find_package(PkgConfig QUIET)
lectern_require(PKG_CONFIG_FOUND pkg-config "pkg-config")

find_package(Threads REQUIRED)

find_package(Xapian QUIET)
lectern_require(Xapian_FOUND libxapian-dev "Xapian 1.4")

pkg_check_modules(LIBGIT2 QUIET IMPORTED_TARGET libgit2>=1.5)
lectern_require(LIBGIT2_FOUND libgit2-dev "libgit2 1.5")

find_package(CmarkGfm QUIET)
lectern_require(CmarkGfm_FOUND "libcmark-gfm-dev and libcmark-gfm-extensions-dev" "cmark-gfm")

find_package(yaml-cpp QUIET)
lectern_require(yaml-cpp_FOUND libyaml-cpp-dev "yaml-cpp")

find_package(nlohmann_json 3.10 QUIET)
lectern_require(nlohmann_json_FOUND nlohmann-json3-dev "nlohmann-json")

find_path(VALIJSON_INCLUDE_DIR NAMES valijson/validator.hpp)
lectern_require(VALIJSON_INCLUDE_DIR libvalijson-dev "valijson")
if(NOT TARGET valijson::valijson)
  add_library(valijson::valijson INTERFACE IMPORTED)
  set_target_properties(valijson::valijson PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${VALIJSON_INCLUDE_DIR}")
endif()

pkg_check_modules(SODIUM QUIET IMPORTED_TARGET libsodium)
lectern_require(SODIUM_FOUND libsodium-dev "libsodium")

# CRC-32 of the search index's tree cache (Xapian and libgit2 use zlib already).
find_package(ZLIB QUIET)
lectern_require(ZLIB_FOUND zlib1g-dev "zlib")

# The search index's stored records (core/search/document_record.cpp).
pkg_check_modules(ZSTD QUIET IMPORTED_TARGET libzstd)
lectern_require(ZSTD_FOUND libzstd-dev "zstd")

# Lessons: only the modules screen recordings need (decode, compare, write key frames).
find_package(OpenCV 4 QUIET COMPONENTS core imgproc imgcodecs videoio)
lectern_require(OpenCV_FOUND "libopencv-dev" "OpenCV 4 (core, imgproc, imgcodecs, videoio)")

find_package(SQLite3 QUIET)
lectern_require(SQLite3_FOUND libsqlite3-dev "SQLite 3")

# The sync client's settings file (core) and the server's configuration.
find_package(tomlplusplus QUIET)
lectern_require(tomlplusplus_FOUND libtomlplusplus-dev "toml++")

# The sync client's HTTP (REST API, Git LFS): git itself goes through libgit2.
find_package(CURL QUIET)
lectern_require(CURL_FOUND libcurl4-openssl-dev "libcurl")

# The allocator of the command line and the benchmarks: building a search index is mostly
# small allocations in Xapian's in-memory postings, where jemalloc costs about a quarter less CPU
# than glibc's malloc (docs/search.md, "Allocator").
pkg_check_modules(JEMALLOC QUIET jemalloc)
lectern_require(JEMALLOC_FOUND libjemalloc-dev "jemalloc")

find_package(CLI11 QUIET)
lectern_require(CLI11_FOUND libcli11-dev "CLI11")

if(LECTERN_BUILD_SERVER)
  # cpp-httplib ships no CMake config on Debian: its pkg-config file carries the OpenSSL,
  # zlib and brotli flags it was built with.
  pkg_check_modules(HTTPLIB QUIET IMPORTED_TARGET cpp-httplib>=0.11)
  lectern_require(HTTPLIB_FOUND libcpp-httplib-dev "cpp-httplib")
endif()

if(LECTERN_BUILD_TESTS)
  find_package(GTest QUIET)
  lectern_require(GTest_FOUND "libgtest-dev and libgmock-dev" "GoogleTest")
endif()
