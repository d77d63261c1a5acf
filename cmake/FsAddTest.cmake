# fs_add_test(<unit> [SOURCES extra.cpp ...] [LIBS lib ...] [LABELS core|ui|sandbox|cli|contract]
#             [TIMEOUT seconds] [ENVIRONMENT VAR=value ...])
# One QtTest executable per unit: tst_<unit>.cpp in the calling folder.
function(fs_add_test unit)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    set(target tst_${unit})
    add_executable(${target} tst_${unit}.cpp ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE fs_common fs_testsupport fs_teststartup Qt6::Test
        ${ARG_LIBS})
    target_compile_definitions(${target} PRIVATE
        FS_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        FS_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    add_test(NAME ${target} COMMAND ${target})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${target} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_ASSERTS=1;LC_ALL=C.UTF-8;XDG_RUNTIME_DIR=${FS_TEST_RUNTIME_DIR};${ARG_ENVIRONMENT}")
endfunction()
