using BenchmarkDotNet.Running;
using Vigil.Benchmarks;

if (args.Length > 0 && args[0] == "profile")
{
    return Profile.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "evtx")
{
    return EvtxThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "ingest-load")
{
    return IngestLoad.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "tokenize")
{
    return Tokenize.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
