#!/usr/bin/env bash
# Writes what the rules read of each tuning part *before* that part was written from (issue 13, ninth round): for each
# (commit, parts) below, the lead-understanding module of that commit is compiled (git archive, javac against today's
# class path) with FreshIntents.java and run on today's corpus files. One line a message: PART TAB ID TAB INTENTS TAB OPTOUT,
# into src/main/resources/fresh-readings/COMMIT.tsv. StackedIntentSelection reads them (evaluate.sh --intent-reader-lopo,
# --train-intent-reader). Which commit for which part: the last commit before the part became tuning data (README).
# Never reads heldout-6 or heldout-18. heldout-7 is read by 1a7e47c (main before any rule was written from it, tenth round),
# heldout-8 by 40be78c (main before the eleventh round wrote rules from it), heldout-9 by 75b029f (main before the twelfth),
# heldout-10 by e435233 (main before the thirteenth); tuning-families-3 and -4, which landed during the thirteenth round, by
# e435233 too (main before the round's first rule, so before any rule was written from them); heldout-11 and tuning-families-5
# to -8 by 2edb810 (main before the fourteenth round's first rule); heldout-12, tuning-families-9 and -10 by e64936d (main
# before the fifteenth round's first rule; -9 and -10 landed during the round, read by the rules from before it); heldout-14
# by ca93927b (main before the seventeenth round's first rule; the sixteenth wrote no rule from it); heldout-13 by ca93927b
# too (no round wrote a rule from its misses; the seventeenth cited h13-366 beside heldout-14's, so the commit before it);
# heldout-15 by a6e2914d (main before the eighteenth round's first rule); heldout-16 and -17 by a3c236ff (main when the
# eighteenth round began; no rule was written from either before the nineteenth).
# build.sh NAME... rebuilds only the readings named (e.g. heldout-7-1a7e47c); none named: every one.
set -euo pipefail
only=("$@")
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
source scripts/find-jdk.sh
evaluation="$root/evaluation/lead-understanding"
./mvnw -B -q -pl evaluation/lead-understanding -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="$(tr ':' '\n' < "$evaluation/target/classpath.txt" | grep -v '/lead-understanding' | paste -sd:)"
corpus="$evaluation/src/main/resources/corpus"
out="$evaluation/src/main/resources/fresh-readings"
mkdir -p "$out"
read_with() { # COMMIT NAME PART...
  local commit="$1" name="$2"; shift 2
  if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " =~ " $name " ]]; then return 0; fi
  local work="$evaluation/target/fresh/$commit"
  rm -rf "$work" && mkdir -p "$work/src" "$work/classes"
  git archive "$commit" functions/lead-understanding/src/main | tar -x -C "$work/src"
  cp -r "$work/src/functions/lead-understanding/src/main/resources/." "$work/classes/"
  "$JAVA_HOME/bin/javac" -nowarn -d "$work/classes" -cp "$cp" $(find "$work/src" -name '*.java') "$here/FreshIntents.java"
  local files=()
  for part in "$@"; do files+=("$corpus/$part.jsonl"); done
  DJL_CACHE_DIR="$work/djl" "$JAVA_HOME/bin/java" -Xss16m --enable-native-access=ALL-UNNAMED -cp "$work/classes:$cp" \
    com.jorge.platform.understanding.FreshIntents "${files[@]}" > "$out/$name.tsv" 2>/dev/null
  echo "$name: $(wc -l < "$out/$name.tsv") messages read by $commit"
}
read_with d361cba heldout-metros-d361cba heldout-metros   # after the first round, before heldout-metros became tuning data
read_with d361cba heldout-2-d361cba heldout-2             # heldout-2 written and committed alone (4576539) before this
read_with 13ecb1d heldout-3-13ecb1d heldout-3             # before the fourth round (heldout-3 read as tuning data)
read_with cd534b3 heldout-4-cd534b3 heldout-4 tuning-optouts  # before the sixth round
read_with cbdc1a4 heldout-5-cbdc1a4 heldout-5 tuning-kinds    # before the eighth round
read_with 1a7e47c heldout-7-1a7e47c heldout-7           # before the tenth round tuned the rules on heldout-7
read_with 40be78c heldout-8-40be78c heldout-8           # before the eleventh round tuned the rules on heldout-8
read_with 75b029f heldout-9-75b029f heldout-9           # before the twelfth round tuned the rules on heldout-9
read_with e435233 heldout-10-e435233 heldout-10         # before the thirteenth round tuned the rules on heldout-10
read_with e435233 tuning-families-3-e435233 tuning-families-3  # before any rule of the thirteenth round
read_with e435233 tuning-families-4-e435233 tuning-families-4  # before any rule of the thirteenth round
read_with 2edb810 heldout-11-2edb810 heldout-11         # before the fourteenth round tuned the rules on heldout-11
read_with 2edb810 tuning-families-5-2edb810 tuning-families-5  # before any rule of the fourteenth round
read_with 2edb810 tuning-families-6-2edb810 tuning-families-6  # before any rule of the fourteenth round
read_with 2edb810 tuning-families-7-2edb810 tuning-families-7  # before any rule of the fourteenth round
read_with 2edb810 tuning-families-8-2edb810 tuning-families-8  # before any rule of the fourteenth round
read_with e64936d heldout-12-e64936d heldout-12         # before the fifteenth round tuned the rules on heldout-12
read_with e64936d tuning-families-9-e64936d tuning-families-9    # before any rule of the fifteenth round
read_with e64936d tuning-families-10-e64936d tuning-families-10  # before any rule of the fifteenth round
read_with ca93927b heldout-14-ca93927b heldout-14         # before the seventeenth round tuned the rules on heldout-14
read_with ca93927b heldout-13-ca93927b heldout-13         # no rule written from heldout-13; before the seventeenth cited it
read_with a6e2914d heldout-15-a6e2914d heldout-15         # before the eighteenth round tuned the rules on heldout-15
read_with a3c236ff heldout-16-a3c236ff heldout-16         # no rule written from heldout-16 before the nineteenth round
read_with a3c236ff heldout-17-a3c236ff heldout-17         # no rule written from heldout-17 before the nineteenth round
