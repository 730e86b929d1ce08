# almalyk_setup_target(<target>): our warning flags, sanitizers and determinism flags for code we own.
function(almalyk_setup_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  # Bit-identical floating point across builds: no fused multiply-add contraction (as Box2D v3 does).
  target_compile_options(${target} PRIVATE -ffp-contract=off)
  if(ALMALYK_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
