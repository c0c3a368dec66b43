# chronicle_add_poster(NAME INPUT file.json OUTPUTS a.pdf b.svg [TEMPLATE t] [ALL])
#
# Renders INPUT (relative to the current source folder) into OUTPUTS (relative to the
# current binary folder; .svg, .pdf or .png) with `chronicle render`, through a target
# NAME. chronicle writes a depfile, so the posters are rebuilt when the input, the
# template chain, the fonts configuration or a font used changes, and only then.
function(chronicle_add_poster name)
  cmake_parse_arguments(ARG "ALL" "INPUT;TEMPLATE" "OUTPUTS" ${ARGN})
  if(NOT ARG_INPUT OR NOT ARG_OUTPUTS)
    message(FATAL_ERROR "chronicle_add_poster(${name}): INPUT and OUTPUTS are required")
  endif()
  get_filename_component(input "${ARG_INPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  set(outputs "")
  set(args "")
  foreach(o IN LISTS ARG_OUTPUTS)
    get_filename_component(abs "${o}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    list(APPEND outputs "${abs}")
    list(APPEND args -o "${abs}")
  endforeach()
  if(ARG_TEMPLATE)
    list(APPEND args --template "${ARG_TEMPLATE}")
  endif()
  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${name}.chronicle.d")
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND chronicle::chronicle render "${input}" ${args} --depfile "${depfile}"
    DEPENDS "${input}" chronicle::chronicle
    DEPFILE "${depfile}"
    COMMENT "chronicle: ${name}"
    VERBATIM)
  if(ARG_ALL)
    add_custom_target(${name} ALL DEPENDS ${outputs})
  else()
    add_custom_target(${name} DEPENDS ${outputs})
  endif()
endfunction()
