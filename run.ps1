<#
.SYNOPSIS
  Runs NewsEtl over a folder of saved Jiemian pages: the same job as `newsetl run`, for PowerShell users and schedulers.

.DESCRIPTION
  Builds the command-line tool once in Release (an up-to-date build is a no-op), then runs it and passes its
  exit code through, so Windows Task Scheduler or cron (with pwsh) can act on it:
    0 done, 1 done but some inputs failed, 2 bad arguments, 3 the run could not complete, 130 cancelled.

.EXAMPLE
  pwsh ./run.ps1
  pwsh ./run.ps1 -InputPath D:\archive\jiemian -OutputPath D:\clean -Parallelism 4 -Quiet
#>
[CmdletBinding()]
param(
  # Folder (read recursively) or single file of saved pages.
  [string] $InputPath = (Join-Path $PSScriptRoot 'input'),
  # Folder for the five output files; created if missing.
  [string] $OutputPath = (Join-Path $PSScriptRoot 'output'),
  # Pages processed at once; 0 means one per core.
  [int] $Parallelism = 0,
  # Only inputs whose relative path matches one of these globs.
  [string[]] $Include = @(),
  # Inputs to leave out.
  [string[]] $Exclude = @(),
  # Reject inputs larger than this many MiB; 0 keeps the default (64).
  [int] $MaxInputMb = 0,
  # Leave records marked duplicate_of out of articles.csv/jsonl.
  [switch] $DropDuplicates,
  # Write ，：；？！（） in full width where the page folded them to ASCII.
  [switch] $FullWidthPunctuation,
  # Keep pinyin notes a script converter left after characters.
  [switch] $KeepPinyinNotes,
  # No progress lines.
  [switch] $Quiet,
  # Progress and summary as plain lines (text) or JSON lines (json).
  [ValidateSet('text', 'json')] [string] $LogFormat = 'text',
  # The run store (SQLite); default OUTPUT/newsetl.db.
  [string] $State = '',
  # Process every input again, even unchanged ones.
  [switch] $Full,
  # Write only this run's inputs, into OUTPUT/runs/NNNNNN/.
  [switch] $SinceLast,
  # Forget stored inputs this run did not see.
  [switch] $Prune,
  # Process only slice K of N, written K/N.
  [string] $Shard = '',
  # A JSON file of options by long name.
  [string] $Config = '',
  # A file of URLs to download and clean in the same run.
  [string] $Urls = '',
  # Skip the build step (the tool must have been built by an earlier run).
  [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
$toolDir = Join-Path $PSScriptRoot 'artifacts/cli'
$tool = Join-Path $toolDir 'newsetl.dll'

if (-not $NoBuild) {
  $project = Join-Path $PSScriptRoot 'src/NewsEtl.Cli/NewsEtl.Cli.csproj'
  & dotnet build $project -c Release -o $toolDir --nologo -v quiet | Out-Host
  if ($LASTEXITCODE -ne 0) {
    Write-Error "newsetl: the build failed (dotnet build exit code $LASTEXITCODE)." -ErrorAction Continue
    exit 3
  }
}
elseif (-not (Test-Path $tool)) {
  Write-Error "newsetl: $tool is missing; run once without -NoBuild." -ErrorAction Continue
  exit 2
}

$arguments = @('run', '--output', $OutputPath, '--log-format', $LogFormat)
if ($Urls -and -not $PSBoundParameters.ContainsKey('InputPath')) { $arguments += @('--urls', $Urls) }
else {
  $arguments += @('--input', $InputPath)
  if ($Urls) { $arguments += @('--urls', $Urls) }
}
if ($State) { $arguments += @('--state', $State) }
if ($Full) { $arguments += '--full' }
if ($SinceLast) { $arguments += '--since-last' }
if ($Prune) { $arguments += '--prune' }
if ($Shard) { $arguments += @('--shard', $Shard) }
if ($Config) { $arguments += @('--config', $Config) }
if ($Parallelism -gt 0) { $arguments += @('--parallelism', $Parallelism) }
foreach ($glob in $Include) { $arguments += @('--include', $glob) }
foreach ($glob in $Exclude) { $arguments += @('--exclude', $glob) }
if ($MaxInputMb -gt 0) { $arguments += @('--max-input-mb', $MaxInputMb) }
if ($DropDuplicates) { $arguments += '--drop-duplicates' }
if ($FullWidthPunctuation) { $arguments += '--full-width-punctuation' }
if ($KeepPinyinNotes) { $arguments += '--keep-pinyin-notes' }
if ($Quiet) { $arguments += '--quiet' }

& dotnet $tool @arguments
exit $LASTEXITCODE
