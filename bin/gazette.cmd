@echo off
rem Runs Gazette with the JVM flags its benchmarks were measured with (see README, "Performance").
rem Windows twin of bin/gazette (Linux, macOS): same flags, same environment variables.
rem
rem   bin\gazette build posts --week 2021-W26      any gazette command
rem   bin\gazette --make-cds-archive               once after each `mvn package`: class-data sharing
rem                                                archive next to the jar, for faster start-up
rem   bin\gazette --print-jvm-flags                the flags it would use
rem Environment: GAZETTE_JAR (default target\gazette.jar), GAZETTE_HEAP (default 2g; raise it for
rem one layout of a long PDF, -Dgazette.pdf.chunked=false), GAZETTE_JAVA_OPTS (extra JVM flags, appended last).
rem bin/gazette also sets MALLOC_ARENA_MAX=2 (glibc's native arenas); Windows has no glibc.
rem No parenthesised blocks below: a path with "(x86)" in it would end them early.
setlocal
set "HERE=%~dp0.."
if not defined GAZETTE_JAR set "GAZETTE_JAR=%HERE%\target\gazette.jar"
if not defined GAZETTE_HEAP set "GAZETTE_HEAP=2g"
set "CDS=%GAZETTE_JAR:~0,-4%.jsa"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"

rem Throughput collector, C1 only, bounded heap, fixed young generation: see bin/gazette for why.
rem Flags measured and not kept for a one-post build: see bin/gazette and bench/cold-start.md.
set "FLAGS=-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xmx%GAZETTE_HEAP% -Xmn200m"
rem One C1 compiler thread on one or two cores, where a second one takes a core from the build
rem (see bin/gazette); not with C2 turned back on in GAZETTE_JAVA_OPTS: C2 needs two. Transparent
rem huge pages, the other flag bin/gazette adds for its host, are Linux only.
set "CI1=-XX:CICompilerCount=1"
if not defined NUMBER_OF_PROCESSORS set "CI1="
if defined NUMBER_OF_PROCESSORS if %NUMBER_OF_PROCESSORS% GTR 2 set "CI1="
if defined GAZETTE_JAVA_OPTS if not "%GAZETTE_JAVA_OPTS:Tiered=%"=="%GAZETTE_JAVA_OPTS%" set "CI1="
if defined CI1 set "FLAGS=%FLAGS% %CI1%"
rem Bundled fonts unpacked beside the jar: a build reads only the glyphs it uses (see bin/gazette).
set "FLAGS=%FLAGS% -Dgazette.fontCache="%GAZETTE_JAR:~0,-4%-fonts""

if "%~1"=="--make-cds-archive" goto cds
rem cmd cannot compare file times portably, so the archive is passed whenever it exists; the JVM
rem ignores one made from another jar, and these flags keep that quiet.
if exist "%CDS%" set "FLAGS=%FLAGS% -XX:SharedArchiveFile="%CDS%" -Xlog:cds=off -Xlog:cds+dynamic=off"
if "%~1"=="--print-jvm-flags" goto flags
if not exist "%GAZETTE_JAR%" goto nojar
"%JAVA%" %FLAGS% %GAZETTE_JAVA_OPTS% -jar "%GAZETTE_JAR%" %*
exit /b %ERRORLEVEL%

:flags
echo %FLAGS% %GAZETTE_JAVA_OPTS%
exit /b 0

:cds
if not exist "%GAZETTE_JAR%" goto nojar
if exist "%CDS%" del "%CDS%"
rem A training run that loads the classes of both renderers and of Markdown and HTML bodies
rem (all the samples: news alone left flexmark out); the JVM writes them out at exit.
"%JAVA%" %FLAGS% -XX:ArchiveClassesAtExit="%CDS%" -jar "%GAZETTE_JAR%" -q build "%HERE%\samples" --zone UTC --out "%TEMP%\gazette-cds-training" >nul 2>&1
if errorlevel 1 goto cdsfailed
echo wrote %CDS%
exit /b 0

:cdsfailed
echo gazette: training build failed; run it without ^>nul to see why 1>&2
exit /b 1

:nojar
echo gazette: no %GAZETTE_JAR%; build it first: mvn -q -DskipTests package 1>&2
exit /b 2
