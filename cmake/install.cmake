# cmake --install: the binary, templates, JSON Schema, fonts configuration (with links
# to the pinned Debian font files), a man page and the CMake package.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS chronicle EXPORT chronicleTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/chronicle/templates
        FILES_MATCHING PATTERN "*.json")
install(FILES ${PROJECT_SOURCE_DIR}/src/input/chronicle.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/chronicle)
install(FILES ${PROJECT_SOURCE_DIR}/cmake/fonts.conf DESTINATION ${CMAKE_INSTALL_DATADIR}/chronicle/fonts)
foreach(f IN LISTS CHRONICLE_FONT_FILES)
  get_filename_component(n ${f} NAME)
  install(CODE "file(CREATE_LINK \"${f}\" \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/chronicle/fonts/${n}\" SYMBOLIC)")
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/cmake/chronicle.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(EXPORT chronicleTargets NAMESPACE chronicle:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/chronicle)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/chronicleConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_SOURCE_DIR}/cmake/chronicleConfig.cmake ${PROJECT_SOURCE_DIR}/cmake/chronicleFunctions.cmake
        ${PROJECT_BINARY_DIR}/chronicleConfigVersion.cmake DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/chronicle)
