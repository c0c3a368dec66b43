# Pinned fonts: files from Debian's fonts-noto-core and fonts-noto-cjk, linked into the
# build tree's share/chronicle/fonts next to a project-local fonts.conf that names only that
# folder. Output therefore never depends on what else the machine has installed. Noto Sans
# draws Latin, Greek and Cyrillic; the others are the scripts history is written in, so
# that no title draws as boxes: Arabic (and Persian, Urdu), Hebrew, the Indic scripts,
# Sinhala, Thai, Lao, Khmer, Myanmar, Armenian, Georgian, Ethiopic, Syriac, Thaana,
# Mongolian, Cherokee, Yi, Javanese, symbols, and Chinese, Japanese and Korean.
set(noto /usr/share/fonts/truetype/noto)
set(CHRONICLE_FONT_FILES
  ${noto}/NotoSans-Regular.ttf ${noto}/NotoSans-Bold.ttf ${noto}/NotoSans-Italic.ttf ${noto}/NotoSans-BoldItalic.ttf)
foreach(script Arabic Hebrew Devanagari Bengali Gurmukhi Gujarati Oriya Tamil Telugu Kannada Malayalam Sinhala
        Thai Lao Khmer Myanmar Armenian Georgian Ethiopic Thaana Cherokee Javanese Symbols)
  list(APPEND CHRONICLE_FONT_FILES ${noto}/NotoSans${script}-Regular.ttf ${noto}/NotoSans${script}-Bold.ttf)
endforeach()
foreach(script Syriac Mongolian Yi Symbols2)  # a regular weight only
  list(APPEND CHRONICLE_FONT_FILES ${noto}/NotoSans${script}-Regular.ttf)
endforeach()
list(APPEND CHRONICLE_FONT_FILES
  /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc)

set(CHRONICLE_FONT_DIR ${CHRONICLE_SHARE_DIR}/fonts)
file(MAKE_DIRECTORY ${CHRONICLE_FONT_DIR})
foreach(f IN LISTS CHRONICLE_FONT_FILES)
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "pinned font ${f} is missing: install the Debian packages fonts-noto-core and fonts-noto-cjk "
                        "(cmake/setup.sh does)")
  endif()
  get_filename_component(n ${f} NAME)
  file(CREATE_LINK ${f} ${CHRONICLE_FONT_DIR}/${n} SYMBOLIC)
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/fonts.conf ${CHRONICLE_FONT_DIR}/fonts.conf COPYONLY)
