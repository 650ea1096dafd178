#include "run_app.hpp"

#include <exception>
#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"

namespace lectern::cli {

int run_app(CLI::App& app, int argc, char** argv, const int& exit_code) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : kFailure;
    } catch (const Error& e) {
        // The last-resort handler: every core error carries a message meant for a person.
        std::cerr << "lectern: " << e.what() << '\n';
        return kFailure;
    } catch (const std::exception& e) {
        std::cerr << "lectern: unexpected failure: " << e.what() << '\n';
        return kFailure;
    }
    return exit_code;
}

}  // namespace lectern::cli
