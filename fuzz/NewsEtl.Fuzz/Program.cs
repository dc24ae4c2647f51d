using NewsEtl.Fuzz;
using SharpFuzz;

// newsetl-fuzz TARGET            run under afl-fuzz (input on stdin / AFL shared memory)
// newsetl-fuzz TARGET FILE...    replay files once each (a crash throws)
// newsetl-fuzz seeds DIR         write the seed inputs of every target into DIR/<target>/
// newsetl-fuzz corpus DIR        write the bad-input corpus into DIR/<category>/
if (args.Length >= 2 && args[0] == "seeds")
{
    Seeds.Write(args[1]);
    return 0;
}

// newsetl-fuzz corpus DIR        write the bad-input corpus (tests/.../BadInputCorpus.cs), one folder per category
if (args.Length >= 2 && args[0] == "corpus")
{
    foreach (var category in NewsEtl.Core.Tests.Reliability.BadInputCorpus.Categories)
    {
        NewsEtl.Core.Tests.Reliability.BadInputCorpus.Write(Path.Combine(args[1], category), category);
    }

    NewsEtl.Core.Tests.Reliability.BadInputCorpus.WriteHuge(Path.Combine(args[1], NewsEtl.Core.Tests.Reliability.BadInputCorpus.Huge));
    return 0;
}

if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: newsetl-fuzz ({string.Join('|', FuzzTargets.Names)}) [FILE...] | seeds DIR");
    return 2;
}

var target = args[0];
if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        FuzzTargets.Run(target, File.ReadAllBytes(file));
        Console.WriteLine($"ok {file}");
    }

    return 0;
}

// Out of process: a stack overflow or fatal error in the target is reported to AFL as a crash, not lost.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Run(target, buffer.ToArray());
});
return 0;
