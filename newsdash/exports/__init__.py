"""Downloads: chart files with their source line, the static renderer and the press kit."""
