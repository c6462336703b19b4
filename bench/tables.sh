# bench/tables.sh: the aggregation and markdown tables of bench/run, sourced by it (it
# reads bench/run's globals: RESULTS, ME, PEER, CONNS, DURATION, PG_STATUS, POOL_CONFIGS…).
# shellcheck shell=bash
# shellcheck disable=SC2016,SC2154  # markdown backticks; globals are bench/run's
# --- aggregation ---------------------------------------------------------------------
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { awk -F'\t' -v p="$1" -v l="$2" -v c="$3" '$1 == p && $2 == l {print $c}' "$RESULTS"; }
# Median over rounds of (rps of LABEL / rps of REF) in the same round.
paired_ratio() {
  awk -F'\t' -v p="$1" -v l="$2" -v b="$3" '
    $1 == p && $2 == l {x[$3] = $4}
    $1 == p && $2 == b {y[$3] = $4}
    END {for (r in x) if (r in y && y[r] > 0) print x[r] / y[r]}' "$RESULTS" | median
}
failures() { awk -F'\t' -v p="$1" -v l="$2" '$1 == p && $2 == l {s += $7 + $8} END {print s + 0}' "$RESULTS"; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN {printf f, v}'; }
pct() { awk -v v="$1" 'BEGIN {printf "%.1f %%", v * 100}'; }
warn_failed() { if [[ $1 != 0 ]]; then printf ' ⚠ %s failed requests (non-2xx or socket errors)' "$1"; fi; }
summary_row() { # phase label -> "rps p50 p99 cpu_us_per_request"
  printf '%s %s %s %s' "$(col "$1" "$2" 4 | median)" "$(col "$1" "$2" 5 | median)" \
    "$(col "$1" "$2" 6 | median)" "$(col "$1" "$2" 9 | median)"
}


# --- tables ----------------------------------------------------------------------------
backend_table() { # phase
  local phase=$1 label rps p50 p99 cpu ratio fails
  echo "| endpoint | rps | p50 ms | p99 ms | ratio to baseline rps | server CPU µs/req |"
  echo "|---|---:|---:|---:|---:|---:|"
  while IFS= read -r label; do
    read -r rps p50 p99 cpu <<<"$(summary_row "$phase" "$label")"
    ratio=$(paired_ratio "$phase" "$label" baseline)
    fails=$(failures "$phase" "$label")
    if [[ $label == "pgbench -S" ]]; then
      printf '| `%s` | %s | %s (mean) | — | — | — |\n' "$label" "$(fmt "$rps" '%.0f')" "$(fmt "$p50" '%.2f')"
      continue
    fi
    printf '| `%s` | %s | %s | %s | %s | %s |%s\n' "$label" "$(fmt "$rps" '%.0f')" "$(fmt "$p50" '%.2f')" \
      "$(fmt "$p99" '%.2f')" "$(pct "$ratio")" "$(fmt "$cpu" '%.1f')" "$(warn_failed "$fails")"
  done < <(awk -F'\t' -v p="$phase" '$1 == p && !seen[$2]++ {print $2}' "$RESULTS")
}

verdict() { # phase -> sentences on /v1/meta
  local r cb cm
  cb=$(col "$1" baseline 9 | median)
  cm=$(col "$1" /v1/meta 9 | median)
  r=$(paired_ratio "$1" /v1/meta baseline)
  if awk -v r="$r" -v t="$TARGET_RATIO" 'BEGIN {exit !(r >= t)}'; then
    printf '**Target met**: `/v1/meta` (full middleware stack) keeps %s of the baseline rps (target ≥ 85 %%).' "$(pct "$r")"
  else
    printf '**Target NOT met**: `/v1/meta` (full middleware stack) keeps only %s of the baseline rps (target ≥ 85 %%).' "$(pct "$r")"
  fi
  printf ' haven spends %s µs of CPU per `/v1/meta` request against %s µs for the baseline (%s; target ≤ 1.3×).' \
    "$(fmt "$cm" '%.1f')" "$(fmt "$cb" '%.1f')" "$(awk -v a="$cm" -v b="$cb" 'BEGIN {printf "%.2f×", a / b}')"
}

# Median over rounds of rps(LABEL) / L, where L = 1/(1/R_bare + 1/T_pgbench) of the same
# round: what one one-query read can reach when the HTTP server and PostgreSQL share
# the cores (the server's bare cost plus the database's, per request).
ratio_to_l() { # label
  awk -F'\t' -v l="$1" '
    $1 == "postgres" && $2 == l {x[$3] = $4}
    $1 == "postgres" && $2 == "baseline" {b[$3] = $4}
    $1 == "postgres" && $2 == "pgbench -S" {t[$3] = $4}
    END {for (r in x) if (b[r] > 0 && t[r] > 0) print x[r] * (1 / b[r] + 1 / t[r])}' "$RESULTS" | median
}
l_value() {
  awk -F'\t' '
    $1 == "postgres" && $2 == "baseline" {b[$3] = $4}
    $1 == "postgres" && $2 == "pgbench -S" {t[$3] = $4}
    END {for (r in b) if (t[r] > 0) print 1 / (1 / b[r] + 1 / t[r])}' "$RESULTS" | median
}
met() { awk -v v="$1" -v t="$2" 'BEGIN {exit !(v >= t)}' && echo met || echo "**NOT met**"; }
met_below() { awk -v v="$1" -v t="$2" 'BEGIN {exit !(v <= t)}' && echo met || echo "**NOT met**"; }

me_section() {
  local sq_ratio sq_p99 pg_p99 l pg_l pg_peer
  sq_ratio=$(paired_ratio sqlite "$ME" baseline)
  sq_p99=$(col sqlite "$ME" 6 | median)
  echo "| target (issue 9) | measured | verdict |"
  echo "|---|---:|---|"
  printf '| `/v1/meta` ≥ 85 %% of bare poem (SQLite run) | %s | %s |\n' "$(pct "$(paired_ratio sqlite /v1/meta baseline)")" "$(met "$(paired_ratio sqlite /v1/meta baseline)" 0.85)"
  if [[ $PG_STATUS == ran ]]; then
    printf '| `/v1/meta` ≥ 85 %% of bare poem (PostgreSQL run) | %s | %s |\n' "$(pct "$(paired_ratio postgres /v1/meta baseline)")" "$(met "$(paired_ratio postgres /v1/meta baseline)" 0.85)"
    l=$(l_value)
    pg_l=$(ratio_to_l "$ME")
    pg_p99=$(col postgres "$ME" 6 | median)
    printf '| `/me` on PostgreSQL ≥ 0.5 L (L = %s rps) | %s L | %s |\n' "$(fmt "$l" '%.0f')" "$(fmt "$pg_l" '%.2f')" "$(met "$pg_l" 0.5)"
    if [[ $PEER == 1 ]]; then
      pg_peer=$(paired_ratio postgres "$ME" "Node peer /me")
      printf '| `/me` on PostgreSQL ≥ 3× the Node peer | %s× | %s |\n' "$(fmt "$pg_peer" '%.2f')" "$(met "$pg_peer" 3)"
    fi
  fi
  printf '| `/me` on SQLite ≥ 30 %% of bare poem | %s | %s |\n' "$(pct "$sq_ratio")" "$(met "$sq_ratio" 0.30)"
  printf '| `/me` p99 ≤ 5 ms at %s connections, SQLite | %s ms | %s |\n' "$CONNS" "$(fmt "$sq_p99" '%.2f')" "$(met_below "$sq_p99" 5)"
  if [[ $PG_STATUS == ran ]]; then
    printf '| `/me` p99 ≤ 5 ms at %s connections, PostgreSQL | %s ms | %s |\n' "$CONNS" "$(fmt "$pg_p99" '%.2f')" "$(met_below "$pg_p99" 5)"
  fi
  echo
  echo "Ratios are medians over rounds of per-round ratios (L too is computed per round from that"
  echo "round's baseline and pgbench runs). The PostgreSQL table's \`pgbench -S\` row is"
  echo "\`pgbench -n -S -M prepared -c$PGBENCH_CLIENTS -j2 -T$DURATION\` on the scratch database (scale 1):"
  echo "tps in the rps column and the mean latency in the p50 column. The Node peer"
  echo "(\`bench/peer\`, one Node $(node --version 2>/dev/null || echo '?') process: Fastify, jose, pg with a pool of 4) verifies the"
  echo "same token against haven's JWKS and runs the same SELECT as one prepared statement;"
  echo "haven's \`/me\` runs the same one statement, without an explicit transaction."
}

startup_table() {
  echo "| instance | cold start ms (exec → first ready answer, migrations included) | idle RSS MiB |"
  echo "|---|---:|---:|"
  awk -F'\t' '$1 == "sqlite" || $1 == "pg" {printf "| %s | %s | %.1f |\n", $1, $2, $3 / 1024}' "$WORK/startup.tsv"
}

pool_table() {
  local cfg pool toc rps p50 p99 cpu ratio fails
  echo "| pool_max | test_on_checkout | rps | p50 ms | p99 ms | rps vs default (4, false) | haven CPU µs/req |"
  echo "|---:|---|---:|---:|---:|---:|---:|"
  for cfg in "${POOL_CONFIGS[@]}"; do
    read -r pool toc <<<"$cfg"
    read -r rps p50 p99 cpu <<<"$(summary_row pool "$cfg")"
    ratio=$(paired_ratio pool "$cfg" "4 false")
    fails=$(failures pool "$cfg")
    printf '| %s | %s | %s | %s | %s | %s | %s |%s\n' "$pool" "$toc" "$(fmt "$rps" '%.0f')" "$(fmt "$p50" '%.2f')" \
      "$(fmt "$p99" '%.2f')" "$(pct "$ratio")" "$(fmt "$cpu" '%.1f')" "$(warn_failed "$fails")"
  done
}
