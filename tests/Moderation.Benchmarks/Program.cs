using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is selectable: e.g. --filter '*Toxicity*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
