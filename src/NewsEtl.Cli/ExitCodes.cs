namespace NewsEtl.Cli;

/// <summary>The process exit codes a scheduler can act on (documented in README).</summary>
public static class ExitCodes
{
    /// <summary>The run finished; inputs rejected as non-articles are an expected outcome.</summary>
    public const int Success = 0;

    /// <summary>The run finished, but some inputs failed (I/O error, corrupt file, stage error): see rejected.csv.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>Bad arguments or configuration: nothing was run.</summary>
    public const int BadArguments = 2;

    /// <summary>The run could not complete (for example the output folder is not writable); previous outputs are intact.</summary>
    public const int RunFailed = 3;

    /// <summary>Cancelled by Ctrl+C or SIGTERM; previous outputs are intact.</summary>
    public const int Cancelled = 130;
}
