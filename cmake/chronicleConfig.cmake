# find_package(chronicle) gives the imported executable chronicle::chronicle and the
# function chronicle_add_poster() (see chronicleFunctions.cmake).
include("${CMAKE_CURRENT_LIST_DIR}/chronicleTargets.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/chronicleFunctions.cmake")
