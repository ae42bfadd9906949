[assembly: AssemblyFixture(typeof(LocalVision.Testing.Hosting.SeededServerFixture))]
