// Package data embeds the models, dictionaries and tables dyad ships: the
// parser model, the actor, agent and verb dictionaries and the gazetteer.
// README.md in this folder records where each file comes from. Loaders in
// the stage packages read these file systems once, lazily.
package data
