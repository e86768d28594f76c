// Every unit test analyses with the shipped sentence model, as the CLI and the extension do.
import { useShippedSentenceModel } from '../../src/host/sentenceModelFile';

useShippedSentenceModel();
