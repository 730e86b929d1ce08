# almalyk_setup_target(<target>): our warning flags (-Werror with ALMALYK_WERROR), sanitizers and determinism flags
# for code we own. Third-party code (glad, the ImGui backends) does not get them.
function(almalyk_setup_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(ALMALYK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # Bit-identical floating point across builds: no fused multiply-add contraction (as Box2D v3 does).
  target_compile_options(${target} PRIVATE -ffp-contract=off)
  if(ALMALYK_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
