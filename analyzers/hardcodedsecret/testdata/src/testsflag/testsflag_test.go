package testsflag

const githubToken = "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q" // want `hardcoded secret \(github-pat\)`
