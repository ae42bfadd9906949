[assembly: AssemblyFixture(typeof(LocalVision.Server.Tests.Hosting.SeededServerFixture))]
