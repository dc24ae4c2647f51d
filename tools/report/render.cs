#:project ../../src/NewsEtl.Core/NewsEtl.Core.csproj
#:property PublishAot=false
// Writes report.html into an existing output folder, until the CLI does it at the end of every run:
//   dotnet run tools/report/render.cs -- OUTPUT_FOLDER [MAX_RECORDS] [MAX_REPAIRS_PER_RECORD]
using System.Globalization;
using NewsEtl.Output.Report;

if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: dotnet run tools/report/render.cs -- OUTPUT_FOLDER [MAX_RECORDS] [MAX_REPAIRS_PER_RECORD]");
    return 2;
}

var options = new ReportOptions();
if (args.Length > 1)
{
    options = options with { MaxRecords = int.Parse(args[1], CultureInfo.InvariantCulture) };
}

if (args.Length > 2)
{
    options = options with { MaxRepairsPerRecord = int.Parse(args[2], CultureInfo.InvariantCulture) };
}

await new ReportWriter().WriteAsync(args[0], options, CancellationToken.None);
Console.WriteLine(Path.Combine(args[0], ReportWriter.FileName));
return 0;
