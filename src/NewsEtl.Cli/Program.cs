using System.Runtime.InteropServices;
using NewsEtl.Cli;

var (tokens, configErrors) = ConfigSources.Expand(args, Environment.GetEnvironmentVariables());
var parsed = CliParser.Parse(tokens);
if (configErrors.Count > 0)
{
    foreach (var error in configErrors)
    {
        Console.Error.WriteLine("newsetl: " + error);
    }

    return ExitCodes.BadArguments;
}

if (parsed.Options.Help)
{
    Console.Out.WriteLine(HelpText.Usage);
    return ExitCodes.Success;
}

if (parsed.Options.Version)
{
    Console.Out.WriteLine("newsetl " + (typeof(ExitCodes).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
    return ExitCodes.Success;
}

if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine("newsetl: " + error);
    }

    return ExitCodes.BadArguments;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the run stop at the next input and remove its temporary files instead of dying mid-write.
    e.Cancel = true;
    cancellation.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return parsed.Options.Command == "fetch"
    ? await FetchCommand.RunAsync(parsed.Options, Console.Out, Console.Error, cancellation.Token)
    : await RunCommand.RunAsync(parsed.Options, Console.Out, Console.Error, cancellation.Token);
