# Desktop integration and the Debian package. Installs the menu entry, the autostart entry, the AppStream
# metadata, the application and tray icons, qracoon(1) and racoonctl's bash completion, and describes the
# .deb that `cpack -G DEB` builds. The package is meant for a build configured with
# CMAKE_INSTALL_PREFIX=/usr: the helper's paths are compiled in, so the package installs at that prefix.
# Included last by the top-level CMakeLists.txt; none of this depends on the applet's targets.

set(QRACOON_HOMEPAGE_URL "https://qracoon.example.org" CACHE STRING
    "The project's home page, for the AppStream metadata and the package")
set(QRACOON_SCREENSHOT_URL "${QRACOON_HOMEPAGE_URL}/docs/screenshots" CACHE STRING
    "Where the files of docs/screenshots/ are published, for the AppStream metadata")
set(QRACOON_PACKAGE_MAINTAINER "qracoon maintainers <maintainers@qracoon.example.org>" CACHE STRING
    "The Maintainer field of the Debian package")

set(_desktop ${PROJECT_SOURCE_DIR}/resources/desktop)
install(FILES ${_desktop}/org.qracoon.qracoon.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
# An absolute path, like the helper's configuration: /etc/xdg/autostart for the /usr prefix.
install(FILES ${_desktop}/qracoon-autostart.desktop DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/xdg/autostart)
configure_file(${_desktop}/org.qracoon.qracoon.metainfo.xml.in
               ${PROJECT_BINARY_DIR}/resources/desktop/org.qracoon.qracoon.metainfo.xml @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/resources/desktop/org.qracoon.qracoon.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# The application icon (scalable and rendered sizes) and the symbolic tray icons, in hicolor's layout.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons
        FILES_MATCHING PATTERN "*.svg" PATTERN "*.png")
install(FILES ${PROJECT_SOURCE_DIR}/man/qracoon.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# bash-completion loads completions/<command> on first use.
install(FILES ${PROJECT_SOURCE_DIR}/completion/racoonctl.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME racoonctl)

# ---- the Debian package ----
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    message(STATUS "Packaging: CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}; configure with "
                   "-DCMAKE_INSTALL_PREFIX=/usr for a .deb that D-Bus, polkit and the desktop find")
endif()

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "qracoon")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "qracoon")
set(CPACK_PACKAGE_CONTACT "${QRACOON_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "tray applet and racoonctl for the racoon IPsec VPN daemon")
# The package installs where the binaries were built for.
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${QRACOON_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${QRACOON_HOMEPAGE_URL}")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the text under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "qracoon shows the state of racoon, the IKEv1 daemon of ipsec-tools, in the
system tray: it connects and disconnects VPN gateways, asks for Xauth logins
and lists the ISAKMP and IPsec SAs and racoon's events.
.
The package also contains racoonctl, a drop-in replacement for the command of
ipsec-tools, and qracoon-helper, a D-Bus service through which the users
that polkit allows reach racoon's admin socket.")
# dpkg-shlibdeps finds the libraries (Qt Core, Network, Gui, Widgets, DBus, Svg, libc, libstdc++). The
# rest is loaded at run time: the SVG icon engine plugin (libqt6svg6), the system bus and polkit for the
# helper.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, dbus, polkitd")

set(_debian ${PROJECT_BINARY_DIR}/packaging/debian)
set(_conffiles "${CMAKE_INSTALL_FULL_SYSCONFDIR}/xdg/autostart/qracoon-autostart.desktop\n")
if(TARGET qracoon-helper)
    string(APPEND _conffiles "${CMAKE_INSTALL_FULL_SYSCONFDIR}/qracoon/helper.conf\n")
endif()
file(WRITE ${_debian}/conffiles "${_conffiles}")
foreach(_script postinst prerm postrm)
    file(COPY ${PROJECT_SOURCE_DIR}/cmake/debian/${_script} DESTINATION ${_debian}
         FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${_debian}/conffiles ${_debian}/postinst ${_debian}/prerm ${_debian}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)

# The package test lives with the rules it checks.
if(QRACOON_BUILD_TESTS)
    add_subdirectory(${PROJECT_SOURCE_DIR}/tests/packaging ${PROJECT_BINARY_DIR}/tests/packaging)
endif()
