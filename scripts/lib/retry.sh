# Sourced by the setup scripts. The caller defines log().
#
#   retry "<what>" "<what to check when it keeps failing>" <command…>
#
# Runs the command up to 3 times, 10 s then 20 s apart: a download that fails
# for a moment is tried again. Returns 1 after the last failure.

retry() {
  local what="$1" check="$2" attempt=1 max=3
  shift 2
  until "$@"; do
    if [ "$attempt" -ge "$max" ]; then
      log "FAILED: $what ($max attempts). Check $check, then run again."
      return 1
    fi
    log "$what failed (attempt $attempt of $max); trying again in $((attempt * 10)) s"
    sleep $((attempt * 10))
    attempt=$((attempt + 1))
  done
}
