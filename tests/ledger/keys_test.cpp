// This device's key: sealed under the passphrase, stored privately, opened only by it.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>

#include "common/error.hpp"
#include "ledger/keys.hpp"
#include "ledger_fixture.hpp"

namespace lectern::ledger {
namespace {

using test::passphrase;

TEST(Ledger_Keys, SealedKeyOpensOnlyWithItsPassphrase) {
    const SigningKey key = SigningKey::generate();
    const StoredKey stored =
        seal_key(key, "maria", "laptop", passphrase("correct horse battery"), KdfCost::minimum());
    EXPECT_EQ(stored.public_key, key.public_key());
    const auto opened = unseal_key(stored, passphrase("correct horse battery"));
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->public_key(), key.public_key());
    EXPECT_EQ(opened->secret().view(), key.secret().view());
    EXPECT_FALSE(unseal_key(stored, passphrase("correct horse batterY")));
    EXPECT_FALSE(unseal_key(stored, passphrase("")));
}

TEST(Ledger_Keys, SealedKeyMovedToAnotherNameDoesNotOpen) {
    StoredKey stored = test::sealed_key("maria", "laptop");
    stored.user = "mallory";
    EXPECT_FALSE(unseal_key(stored, passphrase("correct horse battery")));
    stored.user = "maria";
    stored.device = "desktop";
    EXPECT_FALSE(unseal_key(stored, passphrase("correct horse battery")));
}

TEST(Ledger_Keys, ShortPassphraseIsRefused) {
    const SigningKey key = SigningKey::generate();
    EXPECT_THROW(seal_key(key, "maria", "laptop", passphrase("short"), KdfCost::minimum()), Error);
}

TEST(Ledger_Keys, SavedKeyFileIsPrivateAndReadsBack) {
    test::TempDir dir;
    const StoredKey stored = test::sealed_key("maria", "laptop");
    const auto file = key_file(dir.path() / "keys", "maria", "laptop");
    save_key(file, stored);
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat(file.parent_path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    const auto loaded = load_key(file);
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->public_key, stored.public_key);
    EXPECT_EQ(loaded->sealed, stored.sealed);
    EXPECT_TRUE(unseal_key(*loaded, passphrase("correct horse battery")));
    // The secret key never appears in the file in the clear.
    std::ifstream in(file);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.find("\"secret_key\""), std::string::npos);
}

TEST(Ledger_Keys, MissingKeyFileIsNoKeyAndDamagedOneIsAnError) {
    test::TempDir dir;
    EXPECT_FALSE(load_key(dir.path() / "none.key"));
    std::ofstream(dir.path() / "bad.key") << "{\"format\": 1}";
    try {
        load_key(dir.path() / "bad.key");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidContent);
        EXPECT_NE(std::string(e.what()).find("bad.key"), std::string::npos) << e.what();
    }
}

TEST(Ledger_Keys, KeysLiveUnderXdgDataHome) {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_DATA_HOME", "/tmp/lectern-xdg", 1);
    EXPECT_EQ(keys_dir(), std::filesystem::path("/tmp/lectern-xdg/lectern/keys"));
    EXPECT_EQ(key_file(keys_dir(), "maria", "laptop").filename(), "maria@laptop.key");
    if (old)
        ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else
        ::unsetenv("XDG_DATA_HOME");
}

TEST(Ledger_SecureBuffer, WipeZeroesAndMoveLeavesNothingBehind) {
    SecureBuffer a = passphrase("secret words");
    a.wipe();
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a.data()[i], 0);
    SecureBuffer b = passphrase("more secret");
    SecureBuffer c = std::move(b);
    EXPECT_EQ(b.size(), 0u);
    EXPECT_EQ(b.data(), nullptr);
    EXPECT_EQ(c.view(), "more secret");
}

}  // namespace
}  // namespace lectern::ledger
