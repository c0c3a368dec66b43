# Pinned fonts: files from Debian's fonts-noto-core, linked into the build tree's
# share/chronicle/fonts next to a project-local fonts.conf that names only that folder.
# Output therefore never depends on what else the machine has installed.
set(CHRONICLE_FONT_FILES
  /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
  /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
  /usr/share/fonts/truetype/noto/NotoSans-Italic.ttf
  /usr/share/fonts/truetype/noto/NotoSans-BoldItalic.ttf
  /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf
  /usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf)

set(CHRONICLE_FONT_DIR ${CHRONICLE_SHARE_DIR}/fonts)
file(MAKE_DIRECTORY ${CHRONICLE_FONT_DIR})
foreach(f IN LISTS CHRONICLE_FONT_FILES)
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "pinned font ${f} is missing: install the Debian package fonts-noto-core")
  endif()
  get_filename_component(n ${f} NAME)
  file(CREATE_LINK ${f} ${CHRONICLE_FONT_DIR}/${n} SYMBOLIC)
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/fonts.conf ${CHRONICLE_FONT_DIR}/fonts.conf COPYONLY)
