# racoonctl's command-line parsing (argv -> planned admin requests), kept apart from the runner so the
# tests can link it. Included by src/cli/CMakeLists.txt.
qt_add_library(racoonctl_parsing STATIC
    CommandLine.h CommandLine.cpp
    AddressArgument.h AddressArgument.cpp
    UsageText.h UsageText.cpp
)
target_link_libraries(racoonctl_parsing PUBLIC qracoon_core PRIVATE qracoon_warnings)
target_compile_definitions(racoonctl_parsing PRIVATE QRACOON_VERSION="${PROJECT_VERSION}")
